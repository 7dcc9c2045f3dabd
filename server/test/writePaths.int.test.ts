// @providers: sqlite — one set of rules in domain/burdenRecord.ts, refused before any write
// One write path: a bad burden record is refused with the same Chinese message
// whether it is typed in (tRPC or the service itself), imported from a ledger, or
// converted from a village's direct report.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { currentPeriod } from "../domain/burdenRecord";
import { submitDirectReport } from "../services/directReports";
import { importLedger, LedgerRejectedError } from "../services/ledger/importLedger";
import { createBurdenRecord } from "../services/records";
import { callerAs, sessionUser } from "./fixtures";
import { createSeededTestDb, type TestDb } from "./testDb";

interface Row {
  title: string;
  occurredOn: Date;
  units: number;
  evidence: string | null;
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The messages a refusal carries: each zod issue, or the service's message. */
function messagesOf(error: unknown): string[] {
  if (error instanceof TRPCError && error.cause instanceof z.ZodError) return error.cause.issues.map((i) => i.message);
  if (error instanceof LedgerRejectedError) return error.errors.map((e) => e.reason);
  return [String((error as Error).message)];
}

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    return messagesOf(error);
  }
  return ["(accepted)"];
}

describe("every write path applies the same record rules", () => {
  let testDb: TestDb;
  let departmentId: string;
  let reportId: string;
  const current = currentPeriod();
  const nextMonth = day(
    Math.floor(current / 100) + (current % 100 === 12 ? 1 : 0),
    (current % 100) + (current % 100 === 12 ? -11 : 1),
    1,
  );
  const good: Row = {
    title: "每日上传巡查截图",
    occurredOn: day(Math.floor(current / 100), current % 100, 1),
    units: 1,
    evidence: null,
  };

  const cases: { name: string; row: Row; message: string }[] = [
    {
      name: "a date after the end of this month",
      row: { ...good, occurredOn: nextMonth },
      message: `发生日期不能晚于本月月底（${Math.floor(current / 100)}年${current % 100}月）`,
    },
    {
      name: "a date before 2000",
      row: { ...good, occurredOn: day(1999, 12, 31) },
      message: "发生日期不能早于2000年1月1日",
    },
    {
      name: "a 200,000-character evidence field",
      row: { ...good, evidence: "证".repeat(200_000) },
      message: "佐证说明不能超过2000个字",
    },
    { name: "zero units", row: { ...good, units: 0 }, message: "数量应为1至10000的整数" },
    { name: "a 201-character title", row: { ...good, title: "表".repeat(201) }, message: "事项名称不能超过200个字" },
  ];

  const recordInput = (row: Row) => ({
    kind: "PROOF_DEMAND" as const,
    departmentId,
    scopeRegionCode: "220103",
    details: { proof: "截图" },
    ...row,
  });
  const csv = (row: Row) =>
    Buffer.from(
      `区划代码,下达部门,事项名称,发生日期,数量,留痕方式,对应工作,佐证说明\n220103,宽城区应急管理局,${row.title},${iso(row.occurredOn)},${row.units},截图,巡河,${row.evidence ?? ""}\n`,
    );

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区应急管理局" } })).id;
    await submitDirectReport(testDb.db, {
      accessCode: "KCQ2-DEMO",
      kind: "PROOF_DEMAND",
      departmentName: "宽城区应急管理局",
      content: "每天要求上传巡河截图",
      anonymous: true,
    });
    reportId = (
      await testDb.db.directReport.findFirstOrThrow({ where: { status: "RECEIVED" }, orderBy: { createdAt: "desc" } })
    ).id;
  });
  afterAll(() => testDb.cleanup());

  it.each(cases)("refuses $name with the same message on all four paths", async ({ row, message }) => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const user = await sessionUser(testDb.db, "monitor_kc");
    const before = await testDb.db.burdenRecord.count();
    const paths = {
      manual: await refusal(api.record.create(recordInput(row))),
      service: await refusal(createBurdenRecord(testDb.db, user, recordInput(row))),
      ledger: await refusal(
        importLedger(testDb.db, user, { kind: "PROOF_DEMAND", fileName: "留痕.csv", content: csv(row) }),
      ),
      directReport: await refusal(api.directReport.convert({ id: reportId, note: null, record: recordInput(row) })),
    };
    expect(paths).toEqual({ manual: [message], service: [message], ledger: [message], directReport: [message] });
    expect(await testDb.db.burdenRecord.count()).toBe(before);
  });

  it("accepts the same row when it is good, on every path", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const user = await sessionUser(testDb.db, "monitor_kc");
    const manual = await api.record.create(recordInput(good));
    expect(manual.period).toBe(current);
    await createBurdenRecord(testDb.db, user, recordInput(good));
    expect(
      await importLedger(testDb.db, user, { kind: "PROOF_DEMAND", fileName: "留痕.csv", content: csv(good) }),
    ).toMatchObject({ inserted: 1 });
    expect(await api.directReport.convert({ id: reportId, note: null, record: recordInput(good) })).toMatchObject({
      source: "DIRECT_REPORT",
      period: current,
    });
  });
});
