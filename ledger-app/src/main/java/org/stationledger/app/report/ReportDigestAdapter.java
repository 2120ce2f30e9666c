package org.stationledger.app.report;

import org.springframework.stereotype.Component;
import org.stationledger.command.report.ReportDigests;
import org.stationledger.events.burden.ReportName;
import org.stationledger.query.report.Rendition;
import org.stationledger.query.report.ReportGenerator;

/** Gives the command side the report generator's digest: the two sides meet here, in the application. */
@Component
class ReportDigestAdapter implements ReportDigests {

    private final ReportGenerator generator;

    ReportDigestAdapter(ReportGenerator generator) {
        this.generator = generator;
    }

    @Override
    public Digest digest(int year, ReportName report, String stationId) {
        Rendition rendition = generator.publishable(year, report, stationId);
        return new Digest(rendition.position(), rendition.format().extension(), rendition.sha256());
    }
}
