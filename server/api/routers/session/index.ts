import { createTRPCRouter } from "../../trpc";
import { loginInfo } from "./loginInfo";
import { me } from "./me";

export const sessionRouter = createTRPCRouter({ loginInfo, me });
