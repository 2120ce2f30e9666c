package org.stationledger.app.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before any part of the ledger sees them (an encoded {@code /} or {@code \} in the
 * path, a path or header it cannot parse) and answers them with its own HTML page. This replaces that page with the
 * ledger's problem answer, so that a client reads every error the same way.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(ProblemReportValve.class.getName()));
    }

    /** Writes a problem for any error status Tomcat reports itself. Public: Tomcat creates it by its class name. */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            if (status == null || !status.isError() || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            ProblemDetail problem = ProblemResponses.refusedBeforeTheLedger(status);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer body = response.getReporter();
                if (body != null) {
                    // Written by hand: a valve has no Spring context. The ledger's fixed texts go in as they are,
                    // the request's path (if Tomcat could read one) quoted as JSON.
                    String uri = request.getRequestURI();
                    body.write("{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle()
                               + "\",\"status\":" + problem.getStatus() + ",\"detail\":\"" + problem.getDetail()
                               + (uri == null ? "" : "\",\"instance\":\"" + new String(
                                       JsonStringEncoder.getInstance().quoteAsString(uri)))
                               + "\",\"code\":\"" + problem.getProperties().get("code") + "\"}");
                    body.flush();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer has begun: nothing more can be said.
            }
        }
    }
}
