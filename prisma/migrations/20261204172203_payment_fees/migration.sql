-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "paymentFee" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PaymentMethodSetting" ADD COLUMN     "fee" INTEGER NOT NULL DEFAULT 0;
