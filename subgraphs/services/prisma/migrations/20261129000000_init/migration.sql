-- Accent folding for the text filter of services(filter:).
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ServiceType" AS ENUM ('EAJE', 'MICRO_CRECHE', 'MAM', 'RPE', 'LAEP', 'ALSH', 'PERISCOLAIRE', 'ESPACE_JEUNES', 'PIJ', 'SERVICE_MOBILE_JEUNESSE', 'CENTRE_SOCIAL', 'EVS', 'FRANCE_SERVICES', 'PMI', 'MDS', 'SOUTIEN_PARENTALITE', 'CLAS', 'ACCUEIL_INCLUSIF_HANDICAP', 'ECOUTE_VIOLENCES_INTRAFAMILIALES');

-- CreateEnum
CREATE TYPE "Axis" AS ENUM ('PETITE_ENFANCE', 'ENFANCE', 'JEUNESSE', 'PARENTALITE', 'ANIMATION_VIE_SOCIALE', 'ACCES_AUX_DROITS', 'HANDICAP', 'INCLUSION_NUMERIQUE', 'LOGEMENT', 'VIOLENCES_INTRAFAMILIALES');

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ServiceType" NOT NULL,
    "axis" "Axis" NOT NULL,
    "description" TEXT,
    "operatorId" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,
    "address" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "ageMinMonths" INTEGER,
    "ageMaxMonths" INTEGER,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "openingHours" TEXT,
    "capacity" INTEGER,
    "source" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceArea" (
    "serviceId" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,

    CONSTRAINT "ServiceArea_pkey" PRIMARY KEY ("serviceId","communeCode")
);

-- CreateIndex
CREATE INDEX "Service_communeCode_idx" ON "Service"("communeCode");

-- CreateIndex
CREATE INDEX "Service_operatorId_idx" ON "Service"("operatorId");

-- CreateIndex
CREATE INDEX "Service_type_idx" ON "Service"("type");

-- CreateIndex
CREATE INDEX "ServiceArea_communeCode_idx" ON "ServiceArea"("communeCode");

-- AddForeignKey
ALTER TABLE "ServiceArea" ADD CONSTRAINT "ServiceArea_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

