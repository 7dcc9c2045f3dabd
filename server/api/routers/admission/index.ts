import { createTRPCRouter } from "../../trpc";
import { decide } from "./decide";
import { list } from "./list";
import { submit } from "./submit";

export const admissionRouter = createTRPCRouter({ decide, list, submit });
