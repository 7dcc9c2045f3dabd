import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import { insertRule, latestRuleVersion, listRuleVersions } from "../../db/alertRepository";
import { DEFAULT_RULES, type RuleSpec } from "../../domain/defaultRules";
import { type RuleType, rulePeriodError, type Severity } from "../../domain/alerts";
import { ancestorCodesOf, isWithin } from "../../domain/regions";
import { NotFoundError, PermissionError, UserInputError } from "../errors";

export interface EffectiveRule extends RuleSpec {
  id: string;
  recoveryPeriods: number;
  version: number;
  regionCode: string;
  enabled: boolean;
}

/** Writes the national default rules once (first start, or an empty rules table). */
export async function ensureDefaultRules(db: Db): Promise<number> {
  // Adds the defaults a database lacks (a new release may bring new ones); never touches existing rules.
  const existing = new Set((await listRuleVersions(db, [""])).map((r) => r.ruleKey));
  const missing = DEFAULT_RULES.filter((spec) => !existing.has(`${spec.ruleKey}@`));
  for (const spec of missing)
    await insertRule(db, { ...spec, ruleKey: `${spec.ruleKey}@`, regionCode: "", version: 1 });
  return missing.length;
}

/** Rule rows are keyed `<rule>@<owner region>`; the most specific owner above a region wins. */
const baseKey = (ruleKey: string) => ruleKey.split("@")[0]!;

export async function effectiveRules(db: Db, regionCode: string): Promise<EffectiveRule[]> {
  return (await effectiveRulesFor(db, [regionCode])).get(regionCode)!;
}

/** The effective rules of several regions in one query: each region gets the most specific owner above it. */
export async function effectiveRulesFor(db: Db, regionCodes: string[]): Promise<Map<string, EffectiveRule[]>> {
  const ownersOf = (code: string) => ["", ...ancestorCodesOf(code), code];
  const versions = await listRuleVersions(db, [...new Set(regionCodes.flatMap(ownersOf))]);
  return new Map(
    regionCodes.map((code) => [code, resolve(versions.filter((v) => ownersOf(code).includes(v.regionCode)))]),
  );
}

function resolve(versions: Awaited<ReturnType<typeof listRuleVersions>>): EffectiveRule[] {
  const best = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    const key = baseKey(v.ruleKey);
    const seen = best.get(key);
    if (
      !seen ||
      v.regionCode.length > seen.regionCode.length ||
      (v.regionCode === seen.regionCode && v.version > seen.version)
    )
      best.set(key, v);
  }
  return [...best.values()].map((r) => ({
    id: r.id,
    ruleKey: baseKey(r.ruleKey),
    name: r.name,
    type: r.type as RuleType,
    burdenKind: (r.burdenKind as RuleSpec["burdenKind"]) ?? null,
    clause: r.clause,
    appliesToLevel: r.appliesToLevel,
    severity: r.severity as Severity,
    enterThreshold: r.enterThreshold ?? 0,
    exitThreshold: r.exitThreshold ?? 0,
    pendingPeriods: r.pendingPeriods,
    recoveryPeriods: r.recoveryPeriods,
    version: r.version,
    regionCode: r.regionCode,
    enabled: r.enabled,
  }));
}

export interface RuleChange {
  ruleKey: string;
  regionCode: string;
  severity: Severity;
  enterThreshold: number;
  exitThreshold: number;
  pendingPeriods: number;
  /** Absent: kept from the rule in force (a threshold change must not reset it to the default). */
  recoveryPeriods?: number;
  enabled: boolean;
}

/** A monitor's thresholds for their region: a new version of the region's own copy of the rule. */
export async function saveRuleForRegion(db: Db, user: SessionUser, change: RuleChange) {
  if (!isWithin(change.regionCode, user.regionCode))
    throw new PermissionError(`区划 ${change.regionCode} 不在您的管辖范围内`);
  if (change.exitThreshold > change.enterThreshold) throw new UserInputError("恢复阈值不能高于触发阈值（须留回差）");
  const periodError =
    rulePeriodError("pendingPeriods", change.pendingPeriods) ??
    (change.recoveryPeriods === undefined ? null : rulePeriodError("recoveryPeriods", change.recoveryPeriods));
  if (periodError) throw new UserInputError(periodError);
  const inherited = (await effectiveRules(db, change.regionCode)).find((r) => r.ruleKey === change.ruleKey);
  if (!inherited) throw new NotFoundError(`规则 ${change.ruleKey} 不存在`);
  const key = `${change.ruleKey}@${change.regionCode}`;
  const previous = await latestRuleVersion(db, key);
  const rule = await insertRule(db, {
    ruleKey: key,
    version: (previous?.version ?? 0) + 1,
    regionCode: change.regionCode,
    name: inherited.name,
    type: inherited.type,
    burdenKind: inherited.burdenKind,
    clause: inherited.clause,
    appliesToLevel: inherited.appliesToLevel,
    severity: change.severity,
    enterThreshold: change.enterThreshold,
    exitThreshold: change.exitThreshold,
    pendingPeriods: change.pendingPeriods,
    recoveryPeriods: change.recoveryPeriods ?? inherited.recoveryPeriods,
    enabled: change.enabled,
    createdById: user.id,
  });
  await insertAuditBy(db, user, {
    regionCode: change.regionCode,
    action: "RULE_UPDATE",
    entity: "Rule",
    entityId: rule.id,
    before: inherited,
    after: rule,
  });
  return rule;
}

export async function ruleVersions(db: Db, regionCode: string, ruleKey: string) {
  const owners = ["", ...ancestorCodesOf(regionCode), regionCode];
  return (await listRuleVersions(db, owners)).filter((r) => baseKey(r.ruleKey) === ruleKey);
}
