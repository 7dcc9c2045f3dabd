import nationalList from "../../prisma/data/certificate-negative-list-2020.json";
import type { NegativeListItem } from "../domain/certificates";

/** 民发〔2020〕20号 first batch, loaded by default for every region. */
export const NATIONAL_NEGATIVE_LIST: NegativeListItem[] = nationalList.items.map((item) => ({
  no: item.no,
  name: item.name,
  source: "民发〔2020〕20号清单",
}));
