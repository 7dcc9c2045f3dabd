import { recordInputSchema } from "../record/schemas";

/** A demand the department is about to impose: like a record, its own department implied. */
export const selfReportSchema = recordInputSchema.omit({ departmentId: true });
