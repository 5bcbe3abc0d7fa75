// Cognito user-pool sign-in from the browser: the same JSON API the AWS SDKs call (X-Amz-Target), at the
// endpoint /config.json names (the region's cognito-idp endpoint on AWS, the local shop's /cognito/ proxy).
// Tokens live in localStorage; the id token is what the API's Cognito authorizer checks.
const KEY = 'verdant.session';
let config = null;

export function configure(cognito) { config = cognito || null; }
export const enabled = () => !!(config && config.clientId);

async function call(target, body) {
  const res = await fetch(config.endpoint, {
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
    case 'NotAuthorizedException': return 'Email or password is not right.';
    case 'InvalidPasswordException': return message && /password/i.test(message) && !/incorrect/i.test(message) ? message : 'Email or password is not right.';
    case 'CodeMismatchException': return 'That code is not right. Check the email and try again.';
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

function store(result, refreshToken) {
  const claims = decode(result.IdToken);
  const session = {
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
export async function forgotPassword(email) {
  return call('ForgotPassword', { ClientId: config.clientId, Username: email });
}

export async function confirmForgotPassword(email, code, password) {
  return call('ConfirmForgotPassword', { ClientId: config.clientId, Username: email, ConfirmationCode: code, Password: password });
}

export async function signIn(email, password) {
  const data = await call('InitiateAuth', { ClientId: config.clientId, AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password } });
  if (!data.AuthenticationResult) {
    const err = new Error('This account needs another sign-in step (e.g. an authenticator code), which this page does not offer yet.');
    err.type = data.ChallengeName;
    throw err;
  }
  return store(data.AuthenticationResult);
}

let refreshing = null;
/** The id token, refreshed with the refresh token when it has less than a minute left; null when signed out. */
export async function idToken() {
  const s = session();
  if (!s) return null;
  if (s.expiresAt - Date.now() > 60_000) return s.idToken;
  refreshing = refreshing || call('InitiateAuth', { ClientId: config.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN: s.refreshToken } })
    .then((data) => store(data.AuthenticationResult, s.refreshToken).idToken)
    .catch(() => { signOut(); return null; })
    .finally(() => { refreshing = null; });
  return refreshing;
}
