// Which better-auth endpoints exist for this product. Everything else better-auth
// ships (e-mail sign-in, self-service profile and password changes) bypasses the
// lockout, the password rule and the audit log, so it is not served at all.

/** Paths under /api/auth that the HTTP route answers; any other is 404. */
export const AUTH_HTTP_PATHS: ReadonlySet<string> = new Set(["/sign-in/username", "/sign-out", "/get-session"]);

/** Refused by better-auth itself too, in case a path is reached another way. */
export const DISABLED_AUTH_PATHS = [
  "/sign-in/email",
  "/sign-up/email",
  "/update-user",
  "/change-password",
  "/set-password",
  "/change-email",
  "/delete-user",
  "/request-password-reset",
  "/reset-password",
  "/verify-email",
  "/send-verification-email",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/list-sessions",
  "/link-social",
  "/unlink-account",
  "/list-accounts",
  "/is-username-available",
];

/** The better-auth path of a request to /api/auth/…, or null when it is not one we serve. */
export function servedAuthPath(url: string): string | null {
  const pathname = new URL(url).pathname.replace(/\/+$/, "");
  const path = pathname.startsWith("/api/auth") ? pathname.slice("/api/auth".length) : pathname;
  return AUTH_HTTP_PATHS.has(path) ? path : null;
}
