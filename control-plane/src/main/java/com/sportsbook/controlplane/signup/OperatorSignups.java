package com.sportsbook.controlplane.signup;

import com.sportsbook.controlplane.identity.OperatorAccounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * The signup module's API. A signup creates a disabled operator account in the platform realm, records the terms
 * accepted, and mails a link; the link's token is kept only as a SHA-256 hash. Following it enables the account.
 */
@Service
public class OperatorSignups {

    private static final Logger log = LoggerFactory.getLogger(OperatorSignups.class);

    sealed interface SignupResult {
        record Accepted(UUID id, String email, Instant linkExpires) implements SignupResult {
        }

        record Invalid(List<SignupForm.FieldProblem> problems) implements SignupResult {
        }

        record TermsOutdated(String current) implements SignupResult {
        }

        record EmailTaken() implements SignupResult {
        }

        record PasswordRefused(String policy) implements SignupResult {
        }

        record MailUnavailable() implements SignupResult {
        }
    }

    sealed interface VerificationResult {
        record Verified(String email, boolean already) implements VerificationResult {
        }

        record Unknown() implements VerificationResult {
        }

        record Expired() implements VerificationResult {
        }
    }

    /** What the portal shows a signed-in operator of their signup. */
    public record SignupView(String email, String company, String termsVersion, Instant termsAcceptedAt) {
    }

    private final OperatorAccounts accounts;
    private final SignupStore store;
    private final VerificationMail mail;
    private final SignupSettings settings;
    private final Terms terms;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    OperatorSignups(OperatorAccounts accounts, SignupStore store, VerificationMail mail, SignupSettings settings,
            Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.store = store;
        this.mail = mail;
        this.settings = settings;
        this.terms = Terms.load(settings.termsVersion());
        this.clock = clock;
        this.events = events;
    }

    Terms terms() {
        return terms;
    }

    SignupResult signUp(SignupForm form, String acceptedFrom) {
        List<SignupForm.FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            return new SignupResult.Invalid(problems);
        }
        if (!terms.version().equals(form.acceptedTermsVersion())) {
            return new SignupResult.TermsOutdated(terms.version());
        }
        String email = form.normalisedEmail();
        Instant now = clock.instant();
        releaseExpiredPendingSignup(email, now);
        OperatorAccounts.Creation creation = accounts.createPending(email, form.firstName().strip(),
                form.lastName().strip(), form.password());
        return switch (creation) {
            case OperatorAccounts.Creation.EmailTaken taken -> new SignupResult.EmailTaken();
            case OperatorAccounts.Creation.PasswordRefused refused -> new SignupResult.PasswordRefused(refused.policy());
            case OperatorAccounts.Creation.Created created -> record(form, created.accountId(), acceptedFrom, now);
        };
    }

    private SignupResult record(SignupForm form, String accountId, String acceptedFrom, Instant now) {
        String token = newToken();
        Instant expires = now.plus(settings.verificationLifetime());
        UUID id = UUID.randomUUID();
        store.insert(id, form, accountId, hash(token), expires, acceptedFrom, now);
        try {
            mail.send(form.normalisedEmail(), form.firstName().strip(), token);
        } catch (MailException e) {
            log.warn("the verification mail to a new operator could not be sent: {}", e.getMessage());
            store.delete(id);
            accounts.removePending(accountId);
            return new SignupResult.MailUnavailable();
        }
        log.info("operator signup {} recorded (terms {}); verification mail sent", id, form.acceptedTermsVersion());
        return new SignupResult.Accepted(id, form.normalisedEmail(), expires);
    }

    /** An address whose earlier signup was never confirmed in time may sign up again. */
    private void releaseExpiredPendingSignup(String email, Instant now) {
        Optional<SignupStore.Signup> pending = store.pendingFor(email);
        if (pending.isPresent() && pending.get().tokenExpiresAt().isBefore(now)) {
            accounts.removePending(pending.get().accountId());
            store.delete(pending.get().id());
        }
    }

    VerificationResult verify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new VerificationResult.Unknown();
        }
        Optional<SignupStore.Signup> found = store.byTokenHash(hash(token));
        if (found.isEmpty()) {
            return new VerificationResult.Unknown();
        }
        SignupStore.Signup signup = found.get();
        if (signup.verifiedAt() != null) {
            return new VerificationResult.Verified(signup.email(), true);
        }
        Instant now = clock.instant();
        if (signup.tokenExpiresAt().isBefore(now)) {
            return new VerificationResult.Expired();
        }
        accounts.activate(signup.accountId());
        store.markVerified(signup.id(), now);
        events.publishEvent(new OperatorSignupVerified(signup.id(), signup.accountId(), signup.email(), signup.company(),
                signup.termsVersion()));
        log.info("operator signup {} verified", signup.id());
        return new VerificationResult.Verified(signup.email(), false);
    }

    public Optional<SignupView> ofAccount(String accountId) {
        return store.byAccount(accountId).map(signup -> new SignupView(signup.email(), signup.company(),
                signup.termsVersion(), signup.termsAcceptedAt()));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
