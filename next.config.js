import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const dev = process.env.NODE_ENV !== "production";

// Next's hydration scripts and antd's CSS-in-JS are inline; everything else comes from this origin.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // 'self' covers ws:/wss: to this host in CSP Level 3 browsers; no other socket host is allowed.
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm test` and CI type-check the whole project once with `tsc --noEmit` (the native
  // compiler, seconds); Next's own pass during the build repeated that work.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Native and engine packages stay in node_modules, loaded by Node at run time.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/client",
    "redis",
    "@socket.io/redis-adapter",
    "@node-rs/jieba",
    "@resvg/resvg-js",
  ],
  turbopack: { root },
  outputFileTracingRoot: root,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
