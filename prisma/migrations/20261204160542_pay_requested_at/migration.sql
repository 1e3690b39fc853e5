-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "payRequestedAt" TIMESTAMP(3);
