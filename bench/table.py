#!/usr/bin/env python3
"""bench/run.sh's rows (tab-separated on stdin) as a Markdown table on stdout.

A row: what, Tenantry's value, unit (ms or kib), the reference's name and value ("-": none), the goal's
kind and value. Kinds: faster (reference / Tenantry >= value), share (Tenantry / reference <= value),
within (Tenantry / reference <= value), below (Tenantry < value, in the row's unit), info (no goal)."""
import sys


def amount(value, unit):
    if unit == "kib":
        return "%.1f MiB" % (value / 1024)
    if value >= 1000:
        return "%.2f s" % (value / 1000)
    if value >= 10:
        return "%.1f ms" % value
    if value >= 0.1:
        return "%.2f ms" % value
    return "%.1f µs" % (value * 1000)


def main():
    print("| what | Tenantry | az / floor | ratio | goal | met |")
    print("|---|---:|---:|---:|---|:---:|")
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 7:
            continue
        what, ours, unit, ref_name, ref, kind, goal = fields
        ours = float(ours)
        reference = "—" if ref == "-" else "%s %s" % (ref_name, amount(float(ref), unit))
        ratio = "—"
        if ref != "-" and float(ref) > 0 and ours > 0:
            if ref_name == "az" and unit == "ms":
                ratio = "%.1f× faster" % (float(ref) / ours)
            elif ref_name == "az":
                ratio = "%.0f%%" % (100 * ours / float(ref))
            else:
                ratio = "%.2f×" % (ours / float(ref))
        met = "—"
        if kind == "faster":
            target, met = "≥ %s× faster than az" % goal, ratio != "—" and float(ref) / ours >= float(goal)
        elif kind == "share":
            target, met = "≤ %.0f%% of az's" % (100 * float(goal)), ratio != "—" and ours / float(ref) <= float(goal)
        elif kind == "within":
            target, met = "≤ %s× the %s" % (goal, ref_name), ratio != "—" and ours / float(ref) <= float(goal)
        elif kind == "below":
            target, met = "< %s" % amount(float(goal), unit), ours < float(goal)
        else:
            target = "—"
        if met is not True and met is not False:
            met_text = "—"
        else:
            met_text = "met" if met else "**not met**"
        print("| %s | %s | %s | %s | %s | %s |" % (what, amount(ours, unit), reference, ratio, target, met_text))


if __name__ == "__main__":
    main()
