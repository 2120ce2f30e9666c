package org.stationledger.query.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The co-ordinating office looks after the read models: positions, and rebuilds from the event store. */
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
}
