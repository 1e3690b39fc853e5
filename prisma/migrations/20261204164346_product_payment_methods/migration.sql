-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "allowedPaymentMethods" "PaymentMethod"[];
