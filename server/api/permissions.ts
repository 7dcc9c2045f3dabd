// Who may call what: one table for every tRPC procedure, REST route and socket event.
// Procedures read it through accessProcedure("record.create"), REST routes through
// requireUser(request, "ledger.import"), the client through can(me, path) (it has no
// server imports, so pages import it too); server/test/permissions.int.test.ts checks
// every procedure against it for every role.
import type { Role } from "../domain/roles";

export type Access = "public" | "signed-in" | readonly Role[];

const MONITORS = ["monitor", "admin"] as const;
const HANDLERS = ["inspector", "monitor", "admin", "county_leader"] as const;

export const PROCEDURE_ACCESS = {
  "session.me": "public",
  "session.loginInfo": "public",
  "directReport.open": "public",
  "directReport.status": "public",

  "region.mine": "signed-in",
  "region.children": "signed-in",
  "region.detail": "signed-in",
  "region.search": "signed-in",
  "record.list": "signed-in",
  "record.departments": "signed-in",
  "record.history": "signed-in",
  "catalogue.list": "signed-in",
  "catalogue.history": "signed-in",
  "admission.list": "signed-in",
  "metrics.overview": "signed-in",
  "metrics.periods": "signed-in",
  "metrics.regionDetail": "signed-in",
  "ranking.peers": "signed-in",
  "ranking.departments": "signed-in",
  "alert.list": "signed-in",
  "alert.get": "signed-in",
  "alert.silences": "signed-in",
  "exposure.list": "signed-in",
  "rule.list": "signed-in",
  "rule.versions": "signed-in",
  "rule.escalation": "signed-in",
  "scoreSettings.get": "signed-in",
  "formOverlap.county": "signed-in",
  "formOverlap.ranking": "signed-in",
  "formOverlap.dictionary": "signed-in",
  "formOverlap.burden": "signed-in",

  "record.create": MONITORS,
  "record.update": MONITORS,
  "record.withdraw": MONITORS,
  "record.end": MONITORS,
  "review.list": MONITORS,
  "review.counts": MONITORS,
  "review.resolve": MONITORS,
  "catalogue.save": MONITORS,
  "catalogue.retire": MONITORS,
  "admission.decide": MONITORS,
  "directReport.list": MONITORS,
  "directReport.points": MONITORS,
  "directReport.convert": MONITORS,
  "directReport.reject": MONITORS,
  "directReport.issueAccessCode": MONITORS,
  "exposure.create": MONITORS,
  "exposure.move": MONITORS,
  "rule.save": MONITORS,
  "scoreSettings.save": MONITORS,
  "formOverlap.accept": MONITORS,
  "formOverlap.dismiss": MONITORS,
  "formOverlap.saveFields": MONITORS,
  "formOverlap.setMapping": MONITORS,
  "formOverlap.admissionOverlap": MONITORS,

  "admission.submit": ["department"],
  "audit.list": ["monitor", "admin", "county_leader"],
  "rule.saveEscalation": ["admin"],
  "user.list": ["admin"],
  "user.create": ["admin"],
  "user.update": ["admin"],
  "user.resetPassword": ["admin"],

  "alert.acknowledge": HANDLERS,
  "alert.assign": HANDLERS,
  "alert.note": HANDLERS,
  "alert.resolve": HANDLERS,
  "alert.assignees": HANDLERS,
  "alert.silence": ["monitor", "inspector", "admin"],

  // Rectification (整改): departments see and act on their own items only (checked in the service).
  "rectification.list": "signed-in",
  "rectification.get": "signed-in",
  "rectification.stats": "signed-in",
  "rectification.openForRecords": HANDLERS,
  "rectification.create": MONITORS,
  "rectification.createFromRecords": MONITORS,
  "rectification.createFromAlert": MONITORS,
  "rectification.createFromExposure": MONITORS,
  "rectification.sendBack": MONITORS,
  "rectification.accept": MONITORS,
  "rectification.decideExtension": MONITORS,
  "rectification.submit": ["department"],
  "rectification.requestExtension": ["department"],
  "department.workspace": ["department"],
  "department.selfCheck": ["department"],
  "department.selfReport": ["department"],
  "monthlyReport.list": ["monitor", "admin", "county_leader", "inspector"],
  "monthlyReport.generate": MONITORS,
  "channel.list": ["monitor", "admin", "inspector"],
  "channel.saveContactPoint": MONITORS,
  "channel.removeContactPoint": MONITORS,
  "channel.savePolicy": MONITORS,
  "channel.removePolicy": MONITORS,
  "channel.retry": MONITORS,
  "channel.test": HANDLERS,
  "channel.myPreferences": HANDLERS,
  "channel.saveMyPreferences": HANDLERS,
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof PROCEDURE_ACCESS;

/** The REST routes under app/api (uploads, downloads, the village's report form). */
export const ROUTE_ACCESS = {
  "directReport.submit": "public",
  "directReport.photo": MONITORS,
  "ledger.import": MONITORS,
  "ledger.importProgress": "signed-in",
  "ledger.template": "signed-in",
  "ledger.export": "signed-in",
  "exposure.export": "signed-in",
  "ranking.export": "signed-in",
  "rectification.evidenceUpload": ["department"],
  "rectification.evidence": "signed-in",
  "rectification.export": "signed-in",
  "monthlyReport.download": ["monitor", "admin", "county_leader", "inspector"],
  "formOverlap.readBlankForm": MONITORS,
  "formOverlap.export": "signed-in",
} as const satisfies Record<string, Access>;

export type RoutePath = keyof typeof ROUTE_ACCESS;

/** Whether an access rule lets this role (null: not signed in) through. */
export function allows(access: Access, role: Role | null | undefined): boolean {
  if (access === "public") return true;
  if (!role) return false;
  return access === "signed-in" || access.includes(role);
}

/** Whether the user may call a procedure or route: the role-aware menu asks this. */
export function can(me: { role: Role } | null | undefined, path: ProcedurePath | RoutePath): boolean {
  const access: Access =
    path in PROCEDURE_ACCESS ? PROCEDURE_ACCESS[path as ProcedurePath] : ROUTE_ACCESS[path as RoutePath];
  return allows(access, me?.role);
}

/** Socket events a client may send; the handshake itself needs a valid session. */
export const SOCKET_EVENT_ACCESS: Record<string, Access> = {
  "alerts:replay": "signed-in",
  "alerts:received": "signed-in",
};
