// @providers: sqlite, postgresql covers db/client.ts — a refused call rolls back completely
import { fuzzShard } from "./fuzzing";

fuzzShard(4);
