/**
 * Every setting of the README's table, each read in one place: a {@code @ConfigurationProperties}
 * record per environment-variable prefix (Micronaut maps POLLY_ENGINE to polly.engine, and
 * SYNTHESIS_QUEUE_URL to synthesis.queue-url), validated when the bean graph is built, so a bad
 * value stops start-up with the setting's name in the message.
 */
package com.etoaudiobook.aws.settings;
