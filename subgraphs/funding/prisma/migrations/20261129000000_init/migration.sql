-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "FundingMechanism" AS ENUM ('BONUS_TERRITOIRE_CTG', 'PSU', 'PS_ALSH', 'PS_RPE', 'PS_LAEP', 'PS_JEUNES', 'PS_ANIMATION_GLOBALE', 'PS_ANIMATION_COLLECTIVE_FAMILLES', 'PS_EVS', 'FONDS_PUBLICS_ET_TERRITOIRES', 'REAAP', 'CLAS', 'SUBVENTION_DEPARTEMENT', 'AIDE_MSA', 'FONDS_PROPRES_COLLECTIVITE', 'AUTRE');

-- CreateTable
CREATE TABLE "Funding" (
    "id" TEXT NOT NULL,
    "funderId" TEXT NOT NULL,
    "recipientId" TEXT,
    "serviceId" TEXT,
    "conventionId" TEXT,
    "communeCode" TEXT,
    "mechanism" "FundingMechanism" NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "label" TEXT,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Funding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Funding_funderId_year_idx" ON "Funding"("funderId", "year");

-- CreateIndex
CREATE INDEX "Funding_recipientId_year_idx" ON "Funding"("recipientId", "year");

-- CreateIndex
CREATE INDEX "Funding_serviceId_year_idx" ON "Funding"("serviceId", "year");

-- CreateIndex
CREATE INDEX "Funding_conventionId_year_mechanism_idx" ON "Funding"("conventionId", "year", "mechanism");

-- CreateIndex
CREATE INDEX "Funding_communeCode_year_idx" ON "Funding"("communeCode", "year");

