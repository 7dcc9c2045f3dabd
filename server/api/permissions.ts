// Who may call what: one table for every tRPC procedure and socket event.
// The implementation enforces roles in each procedure; server/test/permissions.int.test.ts
// checks the two against each other, so neither can drift.
import type { Role } from "../domain/roles";

export type Access = "public" | "signed-in" | readonly Role[];

const MONITORS = ["monitor", "admin"] as const;
const HANDLERS = ["inspector", "monitor", "admin", "county_leader"] as const;

export const PROCEDURE_ACCESS: Record<string, Access> = {
  "session.me": "public",
  "session.loginInfo": "public",
  "directReport.open": "public",
  "directReport.status": "public",

  "region.mine": "signed-in",
  "region.children": "signed-in",
  "region.detail": "signed-in",
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
};

/** Socket events a client may send; the handshake itself needs a valid session. */
export const SOCKET_EVENT_ACCESS: Record<string, Access> = {
  "alerts:replay": "signed-in",
  "alerts:received": "signed-in",
};
