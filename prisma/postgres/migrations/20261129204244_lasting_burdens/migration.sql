-- AlterTable
ALTER TABLE "BurdenRecord" ADD COLUMN     "endPeriod" INTEGER,
ADD COLUMN     "endedById" TEXT,
ADD COLUMN     "endedOn" TIMESTAMP(3);
