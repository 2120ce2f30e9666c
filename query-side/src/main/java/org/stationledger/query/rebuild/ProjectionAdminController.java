package org.stationledger.query.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The co-ordinating office looks after the read models: positions, rebuilds from the event store, and which query
 * node works on which segment. The auditors read the positions and the rebuilds (the role table, SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    ProjectionsOverview projections() {
        return rebuilds.overview();
    }

    /** Starts a rebuild and answers at once; follow it with GET on the same path. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.start(name));
    }

    @GetMapping("/{name}/rebuild")
    RebuildProgress progress(@PathVariable String name) {
        return rebuilds.progress(name);
    }

    /** Sent to the node holding the segment: it lets go, and another query node claims it. */
    @PostMapping("/{name}/segments/{segment}/release")
    ResponseEntity<SegmentRelease> release(@PathVariable String name, @PathVariable int segment,
                                           @RequestParam(defaultValue = "30") int seconds) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.release(name, segment, seconds));
    }
}
