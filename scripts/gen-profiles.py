#!/usr/bin/env python3
"""Writes N varied, valid aslmh profiles into DIR (deterministic for a given seed).

Used by the check benchmark: `scripts/gen-profiles.py 10000 /tmp/aslmh-bench`.
The mix spans every tier, passing and failing profiles, one or two markets each (US states, EU,
other countries), URL evidence.
"""
import os
import random
import sys

CAPS = ["general_assistance", "psychoeducation", "resource_directory", "self_help_content",
        "conversational_support", "mood_tracking", "crisis_connection", "companion_persona",
        "memory_across_sessions", "emotion_recognition", "structured_assessment",
        "clinical_decision_support", "diagnosis_suggestion", "risk_stratification",
        "treatment_planning", "personalised_therapeutic_guidance", "autonomous_intervention",
        "novel_therapeutic_reasoning", "self_modifying_behaviour"]
AUD = ["general_public", "adults_only", "minors_possible", "patients_under_care",
       "licensed_clinicians", "research_participants", "researchers"]
SET = ["consumer", "workplace", "school", "outpatient_clinical", "inpatient", "emergency",
       "crisis_service", "research"]
MARKETS = ["US", "US-CA", "US-NY", "US-IL", "US-UT", "US-TX", "GB", "DE", "FR", "EU", "CA", "AU", "NZ", "BR", "JP"]
AUTO = ["none", "suggests_to_clinician", "acts_with_review", "acts_alone"]
CONTROLS = ["ai_ethics_guidelines", "medical_disclaimer", "expert_review", "no_personalised_advice",
            "human_oversight", "crisis_detection", "crisis_escalation", "scope_disclosure",
            "licensed_professional_access", "clinical_validation", "algorithmic_transparency",
            "co_managed_care", "clinician_review_of_plans", "restricted_autonomy",
            "research_ethics_approval", "international_oversight", "deployment_moratorium"]


def profile(i, rng):
    caps = rng.sample(CAPS, rng.randint(1, 4))
    aud = rng.sample(AUD, rng.randint(1, 2))
    sets = rng.sample(SET, rng.randint(1, 2))
    lines = [
        f"# generated profile {i}",
        "schema: aslmh/profile/v1",
        "product:",
        f"  id: bench-{i:05d}",
        f"  name: Bench product {i}",
        f"  version: {rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 50)}",
        f"  team: Team {i % 97}",
        f"  contact: team{i % 97}@bench.example",
        "intended_use: >",
        "  A generated product used to measure how fast aslmh checks a large portfolio.",
        f"audience: [{', '.join(aud)}]",
        f"settings: [{', '.join(sets)}]",
        f"capabilities: [{', '.join(caps)}]",
        f"autonomy: {rng.choice(AUTO)}",
        f"markets: [{', '.join(rng.sample(MARKETS, rng.randint(1, 2)))}]",
        "locales: [en-US]",
        "controls:",
    ]
    for c in rng.sample(CONTROLS, rng.randint(3, len(CONTROLS))):
        lines.append(f"  {c}:")
        lines.append(f"    evidence: https://bench.example/{i}/{c}")
        if rng.random() < 0.5:
            lines.append(f"    owner: Owner {i % 13}")
        if rng.random() < 0.5:
            lines.append(f"    reviewed: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return "\n".join(lines) + "\n"


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, f"p{i:05d}.yaml"), "w") as f:
            f.write(profile(i, rng))


if __name__ == "__main__":
    main()
