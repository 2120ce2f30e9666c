package org.stationledger.app.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.stationledger.app.security.CurrentActor;
import org.stationledger.events.Actor;

/**
 * Lets controllers on either side take the caller as a plain {@link Actor} parameter, refuses a read's query
 * parameter that it does not take ({@link KnownParameters}), and holds a read that presents a position until the read
 * models have reached it ({@link ConsistentReads}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final KnownParameters knownParameters;
    private final ConsistentReads consistentReads;

    WebConfiguration(KnownParameters knownParameters, ConsistentReads consistentReads) {
        this.knownParameters = knownParameters;
        this.consistentReads = consistentReads;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(knownParameters);
        registry.addInterceptor(consistentReads);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }

    private static final class ActorArgumentResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(Actor.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
            return CurrentActor.get().orElseThrow(() -> new IllegalStateException("no authenticated ledger user"));
        }
    }
}
