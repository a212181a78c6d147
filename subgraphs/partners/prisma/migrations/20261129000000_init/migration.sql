-- Trigram similarity and accent folding for partners(search:).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('EPCI', 'CAF', 'DEPARTEMENT', 'MSA', 'SIVOM', 'COMMUNE', 'CCAS', 'ASSOCIATION', 'ETAT', 'AUTRE');

-- CreateEnum
CREATE TYPE "CtgRole" AS ENUM ('SIGNATAIRE', 'ENGAGE', 'OPERATEUR');

-- CreateEnum
CREATE TYPE "Axis" AS ENUM ('PETITE_ENFANCE', 'ENFANCE', 'JEUNESSE', 'PARENTALITE', 'ANIMATION_VIE_SOCIALE', 'ACCES_AUX_DROITS', 'HANDICAP', 'INCLUSION_NUMERIQUE', 'LOGEMENT', 'VIOLENCES_INTRAFAMILIALES');

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "aliases" TEXT[],
    "siren" TEXT,
    "website" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "communeCode" TEXT,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Convention" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "signedOn" DATE,
    "axes" "Axis"[],
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionParty" (
    "conventionId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "role" "CtgRole" NOT NULL,

    CONSTRAINT "ConventionParty_pkey" PRIMARY KEY ("conventionId","partnerId","role")
);

-- CreateIndex
CREATE INDEX "Partner_kind_idx" ON "Partner"("kind");

-- CreateIndex
CREATE INDEX "Partner_communeCode_idx" ON "Partner"("communeCode");

-- CreateIndex
CREATE INDEX "ConventionParty_partnerId_idx" ON "ConventionParty"("partnerId");

-- AddForeignKey
ALTER TABLE "ConventionParty" ADD CONSTRAINT "ConventionParty_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionParty" ADD CONSTRAINT "ConventionParty_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

