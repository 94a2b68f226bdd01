package com.etoaudiobook.api;

import com.etoaudiobook.book.BookFormatException;
import com.etoaudiobook.voice.CastingException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/** Maps every failure to a problem+json response; internal errors never show their text. */
final class ProblemHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

  private ProblemHandlers() {
  }

  @Singleton
  static final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException e) {
      var r = Problem.response(e.status(), e.getMessage());
      if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
        r.header("Retry-After", Integer.toString(HeavyWork.RETRY_AFTER_SECONDS));
      }
      return r;
    }
  }

  @Singleton
  static final class BookFormatHandler implements ExceptionHandler<BookFormatException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, BookFormatException e) {
      HttpStatus status = switch (e.reason()) {
        case "too-large" -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        case "unsupported" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        // a well-formed request whose document is past what one parse may take: as HeavyWork's deadline
        case "stopped", "too-complex" -> HttpStatus.UNPROCESSABLE_ENTITY;
        default -> HttpStatus.BAD_REQUEST;
      };
      return Problem.response(status, Problem.withoutInternals(e.getMessage()));
    }
  }

  @Singleton
  static final class CastingHandler implements ExceptionHandler<CastingException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, CastingException e) {
      return Problem.response(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  /** Anything not foreseen: logged with its stack, answered without it. */
  @Singleton
  static final class UnexpectedHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException e) {
      LOG.error("unexpected error on {} {}", request.getMethod(), request.getPath(), e);
      return Problem.response(HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred; it has been logged.");
    }
  }

  /**
   * An Error on a request thread (what HeavyWork does not run): a stack overflow or an exhausted heap is
   * what the request provoked, answered as such; anything else is ours.
   */
  @Singleton
  static final class ErrorHandler implements ExceptionHandler<Error, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, Error e) {
      if (e instanceof StackOverflowError) {
        LOG.warn("stack overflow on {} {}", request.getMethod(), request.getPath());
        return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, "The request is nested too deeply to read");
      }
      if (e instanceof OutOfMemoryError) {
        LOG.warn("out of memory on {} {}", request.getMethod(), request.getPath());
        return Problem.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request needs more memory than the "
            + "service has");
      }
      LOG.error("unexpected error on {} {}", request.getMethod(), request.getPath(), e);
      return Problem.response(HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred; it has been logged.");
    }
  }

  /** Micronaut's own errors (no route, bad JSON, wrong method, body too large) as problems too. */
  @Singleton
  static final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem.Details> {
    @Override
    public MutableHttpResponse<Problem.Details> processResponse(ErrorContext context,
                                                                    MutableHttpResponse<?> base) {
      HttpStatus status = base.getStatus();
      String detail = context.getErrors().isEmpty() ? status.getReason() : context.getErrors().get(0).getMessage();
      if (status.getCode() >= 500) {
        detail = "An internal error occurred; it has been logged.";
      } else {
        detail = Problem.clean(detail);
      }
      return base.body(Problem.body(status, detail)).contentType(Problem.MEDIA_TYPE);
    }
  }
}
