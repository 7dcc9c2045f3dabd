import { z } from "zod";

export const alertIdSchema = z.string({ error: "请提供预警编号" }).min(1).max(40);
