-- CreateEnum
CREATE TYPE "TaxRounding" AS ENUM ('FLOOR', 'ROUND', 'CEIL');

-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "taxRounding" "TaxRounding" NOT NULL DEFAULT 'FLOOR',
    "shippingFee" INTEGER NOT NULL DEFAULT 0,
    "freeShippingFrom" INTEGER,
    "unpaidOrderExpiryHours" INTEGER NOT NULL DEFAULT 72,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("id")
);
