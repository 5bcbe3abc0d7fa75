// Cognito user-pool sign-in from the browser: the same JSON API the AWS SDKs call (X-Amz-Target), at the
// endpoint /config.json names (the region's cognito-idp endpoint on AWS, the local shop's /cognito/ proxy).
// Two pools: customers sign up and in to theirs; staff (merchants, admins, agents, marketing) sign in to the staff
// pool, which requires an authenticator code (TOTP) every time and has them set one up at their first sign-in.
// Tokens live in localStorage; the id token is what the API's Cognito authorizer checks.
const KEY = 'verdant.session';
let config = null;
let staffConfig = null;

export function configure(cognito, staff) { config = cognito || null; staffConfig = staff || null; }
export const enabled = () => !!(config && config.clientId);
export const staffEnabled = () => !!(staffConfig && staffConfig.clientId);
const poolConfig = (pool) => (pool === 'staff' ? staffConfig : config);

async function call(target, body, pool) {
  const res = await fetch(poolConfig(pool).endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const type = String(data.__type || data.code || 'Error').split('#').pop();
    const err = new Error(friendly(type, data.message));
    err.type = type;
    throw err;
  }
  return data;
}

function friendly(type, message) {
  switch (type) {
    case 'UsernameExistsException': return 'An account with this email already exists. Sign in instead.';
    case 'UserNotConfirmedException': return 'Confirm your email first: enter the code we sent you.';
    case 'NotAuthorizedException': return message && /session/i.test(message)
      ? 'This sign-in took too long or was already used. Start again.' : 'Email or password is not right.';
    case 'InvalidPasswordException': return message && /password/i.test(message) && !/incorrect/i.test(message) ? message : 'Email or password is not right.';
    case 'CodeMismatchException': return 'That code is not right. Check it and try again.';
    case 'EnableSoftwareTokenMFAException': return 'That code is not right. Check the time on your phone and try again.';
    case 'ExpiredCodeException': return 'That code has expired. Ask for a new one.';
    case 'UserNotFoundException': return 'Email or password is not right.';
    case 'LimitExceededException': case 'TooManyRequestsException': return 'Too many attempts. Wait a minute and try again.';
    default: return message || 'Something went wrong. Try again.';
  }
}

function decode(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(part))));
}

function store(result, refreshToken, pool) {
  const claims = decode(result.IdToken);
  const session = {
    pool: pool || 'customers',
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken || refreshToken,
    expiresAt: claims.exp * 1000,
    email: claims.email,
    sub: claims.sub,
    groups: claims['cognito:groups'] || [],
  };
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function session() {
  try { return JSON.parse(localStorage.getItem(KEY)); } catch { return null; }
}

export function signOut() { localStorage.removeItem(KEY); }

export async function signUp(email, password) {
  return call('SignUp', { ClientId: config.clientId, Username: email, Password: password,
    UserAttributes: [{ Name: 'email', Value: email }] });
}

export async function confirm(email, code) {
  return call('ConfirmSignUp', { ClientId: config.clientId, Username: email, ConfirmationCode: code });
}

export async function resendCode(email) {
  return call('ResendConfirmationCode', { ClientId: config.clientId, Username: email });
}

/** Sends a code to the account's email for a new password (also how an account the call centre made is claimed). */
export async function forgotPassword(email, pool = 'customers') {
  return call('ForgotPassword', { ClientId: poolConfig(pool).clientId, Username: email }, pool);
}

export async function confirmForgotPassword(email, code, password, pool = 'customers') {
  return call('ConfirmForgotPassword', { ClientId: poolConfig(pool).clientId, Username: email, ConfirmationCode: code,
    Password: password }, pool);
}

/**
 * Signs in with email and password: the session when that is all the pool asks, else the next step
 * ({ challenge: 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP' | 'NEW_PASSWORD_REQUIRED', ... }) for {@link answer} and friends.
 */
export async function signIn(email, password, pool = 'customers') {
  const data = await call('InitiateAuth', { ClientId: poolConfig(pool).clientId, AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password } }, pool);
  return outcome(data, email, pool);
}

function outcome(data, email, pool) {
  if (data.AuthenticationResult) return store(data.AuthenticationResult, undefined, pool);
  const known = ['SOFTWARE_TOKEN_MFA', 'MFA_SETUP', 'NEW_PASSWORD_REQUIRED'];
  if (!known.includes(data.ChallengeName)) {
    const err = new Error('This account needs a sign-in step this page does not offer. Ask an admin.');
    err.type = data.ChallengeName;
    throw err;
  }
  // Cognito names the user in the challenge (USER_ID_FOR_SRP): the answer names them so, whatever alias signed in
  const username = (data.ChallengeParameters && data.ChallengeParameters.USER_ID_FOR_SRP) || email;
  return { challenge: data.ChallengeName, session: data.Session, email, username, pool };
}

/** Answers a step: the session, or the next step. */
async function answer(step, responses) {
  const data = await call('RespondToAuthChallenge', { ClientId: poolConfig(step.pool).clientId, ChallengeName: step.challenge,
    Session: step.session, ChallengeResponses: { USERNAME: step.username || step.email, ...responses } }, step.pool);
  return outcome(data, step.email, step.pool);
}

/** The first sign-in of an invited member of staff: their own password instead of the temporary one. */
export const newPassword = (step, password) => answer(step, { NEW_PASSWORD: password });

/** The authenticator's current code. */
export const authenticatorCode = (step, code) => answer(step, { SOFTWARE_TOKEN_MFA_CODE: code });

/** Setting up an authenticator: the secret to add to the app (the step keeps the new session). */
export async function associateAuthenticator(step) {
  const data = await call('AssociateSoftwareToken', { Session: step.session }, step.pool);
  step.session = data.Session || step.session;
  return data.SecretCode;
}

/** The first code of the new authenticator proves it works; then the sign-in completes. */
export async function verifyAuthenticator(step, code) {
  const data = await call('VerifySoftwareToken', { Session: step.session, UserCode: code, FriendlyDeviceName: 'Authenticator' }, step.pool);
  step.session = data.Session || step.session;
  return answer(step, {});
}

let refreshing = null;
/** The id token, refreshed with the refresh token when it has less than a minute left; null when signed out. */
export async function idToken() {
  const s = session();
  if (!s) return null;
  if (s.expiresAt - Date.now() > 60_000) return s.idToken;
  const pool = s.pool || 'customers';
  refreshing = refreshing || call('InitiateAuth', { ClientId: poolConfig(pool).clientId, AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: s.refreshToken } }, pool)
    .then((data) => store(data.AuthenticationResult, s.refreshToken, pool).idToken)
    .catch(() => { signOut(); return null; })
    .finally(() => { refreshing = null; });
  return refreshing;
}
