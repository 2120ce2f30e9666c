package org.stationledger.app.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;

/**
 * Who the ledger takes the caller for, as its credentials say: the principal, the role and the one department or
 * station it acts for — what a client shows as the signed-in user and needs to choose the screens and requests that
 * role may make. Read from the sign-in alone, without the database.
 */
@RestController
class SignedInUserController {

    @GetMapping("/api/me")
    Actor me(Actor caller) {
        return caller;
    }
}
