package shop.verdant.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import shop.verdant.domain.common.ConflictException;
import shop.verdant.domain.common.NotFoundException;
import shop.verdant.domain.common.UnprocessableException;
import shop.verdant.domain.common.ValidationException;
import shop.verdant.contract.Contract;
import shop.verdant.contract.Route;

/**
 * The shape every API handler shares: parse, call one service, map the result; and the one place
 * where exceptions become RFC 9457 problems. Bad input is a 4xx naming the field; anything unexpected
 * is a 500 with the request id and no internals, logged with its stack trace for the operator.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    protected abstract APIGatewayProxyResponseEvent handle(ApiRequest request);

    /** Looked up once per handler instance (per container), not per request. */
    private final Route declared = Contract.routeFor(getClass().getName()).orElse(null);

    /** The route this handler serves, from the contract (by class name); null if it serves none. */
    protected Route route() {
        return declared;
    }

    /**
     * Verifies bearer tokens on {@link Route.Auth#OPTIONAL} routes. The contract gives such routes only to
     * groups that need a token verifier, and their handlers override this with the adapter from their wiring.
     */
    protected TokenVerifier tokenVerifier() {
        throw new IllegalStateException(getClass().getName() + " serves an OPTIONAL route but has no token verifier");
    }

    /**
     * Who is calling, by the contract's rule for this route: NONE ignores identity; OPTIONAL
     * verifies a token if one is sent; COGNITO requires the authorizer's claims (API Gateway has
     * already refused calls without a valid token; this is the second lock) and the route's groups.
     */
    private Principal authorize(ApiRequest request) {
        Route route = route();
        if (route == null || route.auth() == Route.Auth.NONE) {
            return null;
        }
        Principal principal = Principal.fromClaims(request.authorizerClaims());
        if (route.auth() == Route.Auth.OPTIONAL) {
            if (principal == null && request.bearerToken() != null) {
                principal = Principal.fromClaims(tokenVerifier().verify(request.bearerToken()));
            }
            return principal;
        }
        if (principal == null) {
            throw AuthException.unauthorized("Sign in to use this.");
        }
        if (!route.roles().isEmpty() && !principal.inAnyGroup(route.cognitoGroups())) {
            if (principal.staffRefused()) {
                throw AuthException.forbidden("Staff routes need a staff sign-in, with its second factor: sign in with your "
                        + "staff account.");
            }
            throw AuthException.forbidden("This needs one of the roles " + String.join(", ", route.cognitoGroups()) + ".");
        }
        return principal;
    }

    /**
     * Who this request's writes are made by, for the audit log: the signed-in caller in the role the route asks for (or
     * their first staff role, else customer), or an anonymous visitor. A route called by a system (the payment
     * provider's webhook) names that system instead.
     */
    protected shop.verdant.domain.audit.Actor actor(ApiRequest request, String requestId) {
        Principal p = request.principal();
        if (p == null) {
            return shop.verdant.domain.audit.Actor.visitor(requestId, request.sourceIp());
        }
        Route route = route();
        shop.verdant.contract.Role role = route == null ? null : java.util.Arrays.stream(shop.verdant.contract.Role.values())
                .filter(r -> route.roles().contains(r) && p.groups().contains(r.cognitoGroup())).findFirst().orElse(null);
        if (role == null) {
            role = java.util.Arrays.stream(shop.verdant.contract.Role.values())
                    .filter(r -> r != shop.verdant.contract.Role.CUSTOMER && p.groups().contains(r.cognitoGroup()))
                    .findFirst().orElse(shop.verdant.contract.Role.CUSTOMER);
        }
        return shop.verdant.domain.audit.Actor.user(role.name().toLowerCase(java.util.Locale.ROOT), p.sub(), requestId,
                request.sourceIp());
    }

    /**
     * What a group asks of every request beyond the route's roles, before its handler runs (the back office refuses
     * writes of a suspended merchant); nothing by default.
     */
    protected void admit(ApiRequest request) {
    }

    /** Business metrics of this request; the wiring's adapter on Lambda, nothing by default. */
    protected Metrics metrics() {
        return Metrics.NONE;
    }

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        ApiRequest request = new ApiRequest(event);
        String instance = request.requestId() != null ? request.requestId()
                : context != null ? context.getAwsRequestId() : null;
        Log.invocation(instance, context != null ? context.getFunctionName() : getClass().getSimpleName());
        shop.verdant.application.audit.Acting.Scope acting = null;
        try {
            request.principal(authorize(request));
            acting = shop.verdant.application.audit.Acting.as(actor(request, instance));
            admit(request);
            return handle(request);
        } catch (AuthException e) {
            return ApiResponse.problem(e.status() == 401
                    ? Problem.of("unauthorized", "Unauthorized", 401, e.getMessage(), instance)
                    : Problem.of("forbidden", "Forbidden", 403, e.getMessage(), instance));
        } catch (ValidationException e) {
            return ApiResponse.problem(new Problem("/problems/invalid-request", "Invalid request", 400,
                    "The request has invalid parameters: " + String.join(", ",
                            e.errors().stream().map(f -> f.field()).distinct().toList()) + ".",
                    instance, e.errors()));
        } catch (NotFoundException e) {
            return ApiResponse.problem(Problem.of("not-found", "Not found", 404, e.getMessage(), instance));
        } catch (ConflictException e) {
            metrics().count("insufficient-stock".equals(e.slug()) ? "StockConflicts" : "Conflicts");
            return ApiResponse.problem(new Problem("/problems/" + e.slug(), e.title(), 409, e.getMessage(), instance,
                    null, e.details()));
        } catch (shop.verdant.domain.common.PreconditionException e) {
            APIGatewayProxyResponseEvent response = e.isRequired()
                    ? ApiResponse.problem(Problem.of("precondition-required", "Precondition required", 428, e.getMessage(), instance))
                    : ApiResponse.problem(Problem.of("precondition-failed", "Precondition failed", 412, e.getMessage(), instance));
            if (e.currentTag() != null) {
                response.getHeaders().put("ETag", e.currentTag());
            }
            return response;
        } catch (UnprocessableException e) {
            return ApiResponse.problem(Problem.of(e.slug(), e.title(), 422, e.getMessage(), instance));
        } catch (RuntimeException e) {
            // one line for the operator: the request id and the whole stack trace as a field
            Log.error("request failed", e);
            metrics().count("InternalErrors");
            return ApiResponse.problem(Problem.of("internal", "Internal error", 500,
                    "The request could not be completed. Quote the instance id when reporting it.", instance));
        } finally {
            if (acting != null) {
                acting.close();
            }
            try {
                metrics().flush();
            } catch (RuntimeException e) {
                Log.warn("metrics not sent", e);
            }
            Log.done();
        }
    }
}
