package dev.siteready.database;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Flushes the changes of a {@code @Transactional} method before it returns, inside the transaction that the method
 * began. A save that a concurrent one overtook (a stale version, a unique index) then fails here, in the method's
 * own call, where the transaction rolls back and the exception reaches the error mappers as a 409, instead of in the
 * transaction manager's commit, which logs it as a failed synchronization with a stack trace (ARJUNA012125).
 * Only the outermost {@code @Transactional} call of a transaction flushes; inner ones leave the order of work alone.
 * It also notes a commit in the request ({@link RequestCommits}).
 */
@Transactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 201) // inside Narayana's transaction interceptor (+200)
public class FlushBeforeCommit {

    private static final Object OWNER = FlushBeforeCommit.class;

    /** Tells the request that one of its transactions committed (the 503 of a later failure says so). */
    private static final jakarta.transaction.Synchronization COMMITS = new jakarta.transaction.Synchronization() {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                RequestCommits.mark();
            }
        }
    };

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @AroundInvoke
    Object flushBeforeReturning(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionKey() == null || transactions.getResource(OWNER) != null) {
            return invocation.proceed();
        }
        transactions.putResource(OWNER, Boolean.TRUE);
        transactions.registerInterposedSynchronization(COMMITS);
        Object result = invocation.proceed();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            em.flush();
        }
        return result;
    }
}
