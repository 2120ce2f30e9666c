package org.stationledger.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

/** The two sides meet only through shared-events; the wiring module is the only one that knows both. */
@AnalyzeClasses(packages = "org.stationledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** StationRegistered, InspectionBlocked, FindingWithdrawn, AppealUpheld... */
    private static final String PAST_TENSE = ".*\\.[A-Z][A-Za-z]*(ed|Withdrawn|Upheld)";

    @ArchTest
    static final ArchRule commandSideDoesNotReadTheQuerySide = noClasses()
            .that().resideInAPackage("org.stationledger.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.stationledger.query..", "org.stationledger.app..");

    @ArchTest
    static final ArchRule querySideDoesNotReachIntoTheCommandSide = noClasses()
            .that().resideInAPackage("org.stationledger.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.stationledger.command..", "org.stationledger.app..");

    @ArchTest
    static final ArchRule eventsDependOnNeitherSide = noClasses()
            .that().resideInAPackage("org.stationledger.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.stationledger.command..",
                    "org.stationledger.query..", "org.stationledger.app..");

    /** Events are named in the past tense; every such class in shared-events is an immutable, versioned record. */
    @ArchTest
    static final ArchRule eventsAreVersionedImmutableRecords = classes()
            .that().resideInAPackage("org.stationledger.events.(*)..").and().areTopLevelClasses()
            .and().areNotEnums().and().haveNameMatching(PAST_TENSE)
            .should().beAssignableTo(Record.class).andShould().beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule onlyEventsCarryARevision = classes()
            .that().areAnnotatedWith(Revision.class)
            .should().haveNameMatching(PAST_TENSE).andShould().resideInAPackage("org.stationledger.events..");

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notHaveModifier(JavaModifier.PUBLIC);
}
