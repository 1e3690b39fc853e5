-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "reconciledAt" TIMESTAMP(3);
