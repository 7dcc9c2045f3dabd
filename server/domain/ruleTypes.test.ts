import { describe, expect, it } from "vitest";
import { RULE_TYPES, ruleTypeOfKey } from "./alerts";
import { DEFAULT_RULES } from "./defaultRules";

describe("rule types: one list, read from the rule key", () => {
  it("gives every default rule the type it declares", () => {
    for (const rule of DEFAULT_RULES) expect(ruleTypeOfKey(rule.ruleKey), rule.ruleKey).toBe(rule.type);
  });

  it("covers every type with at least one default rule and knows no other key", () => {
    expect(new Set(DEFAULT_RULES.map((r) => ruleTypeOfKey(r.ruleKey)))).toEqual(new Set(RULE_TYPES));
    expect(ruleTypeOfKey("UNKNOWN_RULE")).toBeNull();
  });
});
