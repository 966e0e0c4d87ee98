package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.runtime.compliance.kyc.core.Actor;
import com.sportsbook.runtime.compliance.kyc.core.DocumentCategory;
import com.sportsbook.runtime.compliance.kyc.core.DocumentType;
import com.sportsbook.runtime.compliance.kyc.core.KycCommand;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The player hands in the documents: the case moves to in review (committed first), then goes to the provider,
 * whose verdict comes back later by webhook. A provider that refuses or cannot be reached leaves the case in review
 * with a line saying so, for an officer to decide.
 */
public final class KycSubmissions {

    private static final Logger log = LoggerFactory.getLogger(KycSubmissions.class);

    public sealed interface Result {
        /** @param providerReference null when the provider did not take the case (an officer decides) */
        record Submitted(KycCases.CaseRow kase, String providerReference) implements Result {
        }

        record Refused(int status, String code, String detail) implements Result {
        }
    }

    private final KycCases cases;
    private final KycDocuments documents;
    private final KycProvider provider;
    private final Players players;
    private final TenantDirectory directory;
    private final TransactionOperations transactions;

    KycSubmissions(KycCases cases, KycDocuments documents, KycProvider provider, Players players, TenantDirectory directory,
            TransactionOperations transactions) {
        this.cases = cases;
        this.documents = documents;
        this.provider = provider;
        this.players = players;
        this.directory = directory;
        this.transactions = transactions;
    }

    private record Handed(KycCases.CaseRow kase, List<KycDocuments.DocumentView> documents) {
    }

    public Result submit(UUID playerId) {
        Actor player = Actor.player(playerId.toString());
        Object moved = transactions.execute(status -> {
            var existing = cases.byPlayer(playerId);
            if (existing.isEmpty()) {
                return new Result.Refused(409, "illegal_transition", "Upload your documents before submitting them.");
            }
            KycCases.CaseRow kase = cases.lock(existing.get().id()).orElseThrow();
            List<KycDocuments.DocumentView> onFile = kase.kyc().requestedAt() == null ? List.of()
                    : documents.since(kase.id(), kase.kyc().requestedAt());
            Set<DocumentCategory> categories = EnumSet.noneOf(DocumentCategory.class);
            onFile.forEach(document -> categories.add(DocumentType.fromWire(document.type()).orElseThrow().category()));
            KycCases.Applied applied = cases.apply(kase, new KycCommand.Submit(categories), player);
            if (applied instanceof KycCases.Applied.Refused refused) {
                status.setRollbackOnly();
                return new Result.Refused(refused.status(), refused.code(), refused.detail());
            }
            return new Handed(((KycCases.Applied.Moved) applied).after(), onFile);
        });
        if (moved instanceof Result.Refused refused) {
            return refused;
        }
        Handed handed = (Handed) moved;
        return handOver(handed.kase(), handed.documents());
    }

    private Result handOver(KycCases.CaseRow kase, List<KycDocuments.DocumentView> onFile) {
        BoundTenant bound = TenantContext.require();
        String tenant = bound.slug().value();
        PlayerView profile = players.byId(kase.playerId()).orElse(null);
        String host = directory.brand(kase.brand()).map(BrandRoute::hosts).filter(hosts -> !hosts.isEmpty())
                .map(List::getFirst).orElse(null);
        KycProvider.Submission answer;
        if (profile == null || host == null) {
            answer = new KycProvider.Submission.Refused(profile == null ? "no player profile" : "the brand has no host");
        } else {
            List<KycProvider.SubmittedDocument> handedOver = onFile.stream().map(document -> new KycProvider.SubmittedDocument(
                    document.id(), DocumentType.fromWire(document.type()).orElseThrow(), document.contentType(),
                    document.sha256(), () -> TenantContext.callAs(bound,
                            () -> documents.plaintext(document.id()).orElseThrow()))).toList();
            try {
                answer = provider.submit(new KycProvider.KycSubmission(tenant, host, UUID.randomUUID(), kase.id(),
                        kase.playerId(), profile.firstName(), profile.lastName(), profile.dateOfBirth(), profile.country(),
                        handedOver));
            } catch (RuntimeException unreachable) {
                log.warn("KYC provider {} did not take case {}: {}", provider.name(), kase.id(), unreachable.getMessage());
                answer = new KycProvider.Submission.Refused("the provider could not be reached: " + unreachable.getMessage());
            }
        }
        KycProvider.Submission result = answer;
        Actor system = Actor.system("kyc-submission");
        return transactions.execute(status -> {
            if (result instanceof KycProvider.Submission.Accepted accepted) {
                cases.submittedTo(kase.id(), provider.name(), accepted.reference());
                cases.note(kase.id(), system, "sent_to_provider", provider.name() + " reference " + accepted.reference()
                        + ", " + onFile.size() + " document(s)");
                return new Result.Submitted(cases.byId(kase.id()).orElseThrow(), accepted.reference());
            }
            String reason = ((KycProvider.Submission.Refused) result).reason();
            cases.providerVerdict(kase.id(), "not_sent");
            cases.note(kase.id(), system, "provider_refused", provider.name() + ": " + reason + "; an officer decides");
            return new Result.Submitted(cases.byId(kase.id()).orElseThrow(), null);
        });
    }
}
