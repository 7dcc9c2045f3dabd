import { describe, expect, it } from "vitest";
import { trimmedText } from "./schemas";

const messageOf = (schema: ReturnType<typeof trimmedText>, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? result.data : result.error.issues[0]!.message;
};

describe("trimmedText", () => {
  const measures = trimmedText("请填写整改措施", 20, "整改措施不能超过20个字", 5, "请用至少5个字说明整改措施");

  it("trims, then refuses in the procedure's own words", () => {
    expect(messageOf(measures, "  已撤回通知文件  ")).toBe("已撤回通知文件");
    expect(messageOf(measures, undefined)).toBe("请填写整改措施");
    expect(messageOf(measures, "  撤回  ")).toBe("请用至少5个字说明整改措施");
    expect(messageOf(measures, "撤".repeat(21))).toBe("整改措施不能超过20个字");
  });

  it("says the missing message for blank text when no minimum message is given", () => {
    expect(messageOf(trimmedText("请填写字段名称", 50, "字段名称不能超过50个字"), "   ")).toBe("请填写字段名称");
  });
});
