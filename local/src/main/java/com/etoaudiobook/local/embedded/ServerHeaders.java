package com.etoaudiobook.local.embedded;

import com.etoaudiobook.api.SecurityHeaders;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * The security headers on every response the Netty server writes, including those it writes before
 * any filter runs (a malformed request line, headers or a body over the limit): the API's filter
 * only sees requests that reached routing.
 */
public final class ServerHeaders implements NettyServerCustomizer {
  static final String NAME = "etoaudiobook-security-headers";
  private final Channel channel;

  public ServerHeaders() {
    this(null);
  }

  private ServerHeaders(Channel channel) {
    this.channel = channel;
  }

  @Override
  public NettyServerCustomizer specializeForChannel(Channel ch, ChannelRole role) {
    return role == ChannelRole.CONNECTION ? new ServerHeaders(ch) : this;
  }

  @Override
  public void onStreamPipelineBuilt() {
    if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
        && channel.pipeline().get(NAME) == null) {
      // right behind the codec, so it sees every response object on its way out
      channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, NAME, new Add());
    }
  }

  private static final class Add extends ChannelOutboundHandlerAdapter {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse r) {
        SecurityHeaders.ALL.forEach((name, value) -> {
          if (!r.headers().contains(name)) {
            r.headers().set(name, value);
          }
        });
      }
      ctx.write(msg, promise);
    }
  }
}
