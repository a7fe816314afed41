package dev.siteready.account;

import dev.siteready.tenant.TenantContext;
import dev.siteready.web.CsrfCookies;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/** The two identity providers behind Quarkus form authentication: sign-in form and session cookie. */
public final class MemberIdentityProviders {

    private MemberIdentityProviders() {
    }

    /** POST /j_security_check with j_username (the e-mail) and j_password. */
    @ApplicationScoped
    public static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        MemberSessions sessions;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return context.runBlocking(() -> TenantContext.inRequestContext(() -> {
                MemberSessions.SignIn result = sessions.signIn(request.getUsername(),
                        new String(request.getPassword().getPassword()));
                if (result.outcome() != MemberSessions.Outcome.SIGNED_IN) {
                    // One generic failure for unknown e-mail, wrong password and locked sign-in.
                    throw new AuthenticationFailedException();
                }
                io.vertx.ext.web.RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
                if (routing != null) {
                    CsrfCookies.renew(routing);
                }
                return result.identity();
            }));
        }
    }

    /** Every request carrying the encrypted session cookie. */
    @ApplicationScoped
    public static class Session implements IdentityProvider<TrustedAuthenticationRequest> {

        @Inject
        MemberSessions sessions;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return context.runBlocking(() -> TenantContext.inRequestContext(() -> {
                SecurityIdentity identity = sessions.restore(request.getPrincipal());
                if (identity == null) {
                    throw new AuthenticationFailedException();
                }
                return identity;
            }));
        }
    }
}
