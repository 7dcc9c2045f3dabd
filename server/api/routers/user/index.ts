import { createTRPCRouter } from "../../trpc";
import { create } from "./create";
import { list } from "./list";
import { resetPassword } from "./resetPassword";
import { update } from "./update";

export const userRouter = createTRPCRouter({ create, list, resetPassword, update });
