package org.stationledger.query.audit;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The names the trail's {@code type} filter accepts: the simple names of the ledger's events, found once in
 * shared-events (every event carries a {@link Revision}). A misspelt type answers 400 rather than an empty trail, which
 * an auditor would read as "no such event happened".
 */
final class EventTypes {

    static final SortedSet<String> NAMES = scan();

    private EventTypes() {
    }

    private static SortedSet<String> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        return scanner.findCandidateComponents("org.stationledger.events").stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
