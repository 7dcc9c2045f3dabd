import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import { insertAuditBy } from "../../db/auditRepository";
import {
  contactPointsOfOwner,
  createContactPoint,
  createPolicy,
  findPreference,
  policiesOfContactPoint,
  savePreference,
  updateContactPoint,
  updatePolicy,
} from "../../db/notificationRepository";
import { validTarget } from "./channels";

export interface MyPreferences {
  contactPointId: string | null;
  email: string | null;
  enabled: boolean;
  severities: string[];
  quietStart: number | null;
  quietEnd: number | null;
}

/** An inspector's own e-mail channel: alerts of their jurisdiction, at the severities they chose. */
export async function myPreferences(db: Db, user: SessionUser): Promise<MyPreferences> {
  const [contact] = await contactPointsOfOwner(db, user.id);
  const [policy] = contact ? await policiesOfContactPoint(db, contact.id) : [];
  const pref = await findPreference(db, user.id);
  return {
    contactPointId: contact?.id ?? null,
    email: contact?.target ?? null,
    enabled: !!contact?.enabled && !!policy?.enabled,
    severities: policy ? policy.severities.split(",").filter(Boolean) : ["WARNING", "CRITICAL"],
    quietStart: pref?.quietStart ?? null,
    quietEnd: pref?.quietEnd ?? null,
  };
}

export async function saveMyPreferences(
  db: Db,
  user: SessionUser,
  input: { email: string; enabled: boolean; severities: string[]; quietStart: number | null; quietEnd: number | null },
) {
  const email = validTarget("EMAIL", input.email);
  const [existing] = await contactPointsOfOwner(db, user.id);
  const contact = existing
    ? await updateContactPoint(db, existing.id, { target: email, enabled: input.enabled, regionCode: user.regionCode })
    : await createContactPoint(db, {
        regionCode: user.regionCode,
        name: `${user.name}的邮箱`,
        kind: "EMAIL",
        target: email,
        enabled: input.enabled,
        ownerUserId: user.id,
        createdById: user.id,
      });
  const [policy] = await policiesOfContactPoint(db, contact.id);
  // A person is told once per group, like a channel, and reminded of what stays unacknowledged.
  const policyData = {
    regionCode: user.regionCode,
    severities: input.severities.join(","),
    enabled: input.enabled && input.severities.length > 0,
  };
  if (policy) await updatePolicy(db, policy.id, policyData);
  else
    await createPolicy(db, {
      ...policyData,
      contactPointId: contact.id,
      createdById: user.id,
      groupWaitSec: 30,
      groupIntervalSec: 300,
      repeatIntervalSec: 4 * 3600,
    });
  await savePreference(db, user.id, { quietStart: input.quietStart, quietEnd: input.quietEnd });
  await insertAuditBy(db, user, {
    regionCode: user.regionCode,
    action: "UPDATE",
    entity: "NotificationPreference",
    entityId: user.id,
    after: { ...input },
  });
  return myPreferences(db, user);
}
