-- AlterTable
ALTER TABLE "BurdenRecord" ADD COLUMN "endPeriod" INTEGER;
ALTER TABLE "BurdenRecord" ADD COLUMN "endedById" TEXT;
ALTER TABLE "BurdenRecord" ADD COLUMN "endedOn" DATETIME;
