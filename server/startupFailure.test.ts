import { describe, expect, it } from "vitest";
import { startupFailure } from "./startupFailure";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("startupFailure", () => {
  it("turns a taken port into a sentence with the port and a way out", () => {
    expect(startupFailure(withCode("EADDRINUSE", "listen EADDRINUSE: address already in use :::3000"), 3000)).toBe(
      "端口 3000 已被占用。请关闭占用该端口的程序，或换一个端口：PORT=3001 npm start。",
    );
  });

  it("names an unwritable database", () => {
    expect(startupFailure(withCode("SQLITE_READONLY", "attempt to write a readonly database"), 3000)).toContain(
      "无法写入数据库文件",
    );
  });

  it("leaves real bugs to their stack trace", () => {
    expect(startupFailure(new TypeError("x is undefined"), 3000)).toBeNull();
  });
});
