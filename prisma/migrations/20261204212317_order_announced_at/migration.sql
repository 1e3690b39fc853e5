-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "announcedAt" TIMESTAMP(3);

-- Orders that existed before this column were announced as they were made, except PayPal
-- orders never sent to PayPal, which are announced before their next event.
UPDATE "Order" SET "announcedAt" = "createdAt"
WHERE NOT ("status" = 'PAYMENT_INCOMPLETE' AND "paymentStatus" = 'UNPAID'
           AND NOT EXISTS (SELECT 1 FROM "Payment" WHERE "Payment"."orderId" = "Order"."id"));
