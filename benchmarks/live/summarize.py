"""Summary table of benchmarks/live-overhead.sh: medians over the rounds of its per-run TSV.

usage: summarize.py LIVE.tsv

TSV columns: round, case, mode (alone|default|all), load1, wall_s, cpu_s, workload_events,
counters before / after the workload / at stop ("events per CPU;ring-full drops per CPU;too-large
drops per CPU", comma-separated, or "-"), falco events processed, falco dropped, falco skipped,
falco CPU seconds during the workload, alert count, IRQ work interrupts during the workload (all
CPUs: the probe's forced wake-ups of the reader raise them).
"""
import statistics
import sys


def counters(text):
    if text == "-":
        return None
    return [[int(x) for x in part.split(",")] for part in text.split(";")]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, spec):
    return "-" if value is None else format(value, spec)


def pct(value):
    return "      -" if value is None else format(value, "+6.1f") + "%"


def wakeups_per_kev(r, events):
    """IRQ work interrupts per 1000 events during the workload."""
    if r.irq_work is None or not events:
        return None
    return r.irq_work / events * 1000


class Run:
    def __init__(self, cols):
        self.round = int(cols[0])
        self.case = cols[1]
        self.mode = cols[2]
        self.load = float(cols[3])
        self.wall = float(cols[4])
        self.cpu = float(cols[5])
        self.workload_events = int(cols[6])
        self.before, self.after, self.final = (counters(c) for c in cols[7:10])
        self.processed = None if cols[10] == "-" else int(cols[10])
        self.dropped = None if cols[11] == "-" else int(cols[11])
        self.falco_cpu = float(cols[13])
        self.alerts = int(cols[14])
        self.irq_work = int(cols[15]) if len(cols) > 15 else None

    def window_events(self):
        if not self.before or not self.after:
            return None
        return sum(self.after[0]) - sum(self.before[0])

    def delivered_per_s(self):
        w = self.window_events()
        return None if w is None else w / self.wall

    def drops_per_cpu(self):
        """Probe drops (ring full + too large) per CPU over falco's whole run."""
        if not self.final:
            return None
        return [f + g for f, g in zip(self.final[1], self.final[2])]

    def falco_cpu_percent(self):
        return self.falco_cpu / self.wall * 100


def drops_text(runs):
    """Per round: probe drops per CPU (cpu0/cpu1/...) and falco's own count, e.g. 0/0=0."""
    parts = []
    for r in runs:
        per_cpu = r.drops_per_cpu()
        probe = "?" if per_cpu is None else "/".join(str(d) for d in per_cpu)
        parts.append(f"{probe}={fmt(r.dropped, 'd')}")
    return " ".join(parts)


def main():
    rows = [Run(line.rstrip("\n").split("\t")) for line in open(sys.argv[1]) if line.strip()]
    groups = {}
    for r in rows:
        key = r.case if not r.case.startswith("rate-") else "-".join(r.case.split("-")[:3])
        groups.setdefault(key, {}).setdefault(r.mode, []).append(r)

    if "heavy" in groups or "dd" in groups:
        print_workloads(groups)
    print_rates(groups)


def print_workloads(groups):
    print()
    print("(a) syscall-heavy workloads: medians over rounds; added % = median under falco / median alone - 1;"
          " IWI/s: IRQ work interrupts per second (the probe's forced reader wake-ups)")
    print(f"{'workload':8s} {'mode':8s} {'load1':>5s} {'wall s':>7s} {'+wall':>7s} {'cpu s':>7s} {'+cpu':>7s}"
          f" {'ev/s delivered':>14s} {'falco cpu%':>10s} {'IWI/s':>7s}  drops per round (probe cpu0/cpu1=falco)")
    for key in ("heavy", "dd"):
        if key not in groups:
            continue
        modes = groups[key]
        alone_wall = median(r.wall for r in modes.get("alone", []))
        alone_cpu = median(r.cpu for r in modes.get("alone", []))
        for mode in ("alone", "default", "all"):
            runs = modes.get(mode, [])
            if not runs:
                continue
            wall = median(r.wall for r in runs)
            cpu = median(r.cpu for r in runs)
            added_wall = None if mode == "alone" or not alone_wall else (wall / alone_wall - 1) * 100
            added_cpu = None if mode == "alone" or not alone_cpu else (cpu / alone_cpu - 1) * 100
            delivered = median(r.delivered_per_s() for r in runs) if mode != "alone" else None
            fcpu = median(r.falco_cpu_percent() for r in runs) if mode != "alone" else None
            label = {"alone": "alone", "default": "falco", "all": "falco -A"}[mode]
            iwi = median(None if r.irq_work is None else r.irq_work / r.wall for r in runs)
            print(f"{key:8s} {label:8s} {median(r.load for r in runs):5.2f} {wall:7.2f} {pct(added_wall)}"
                  f" {cpu:7.2f} {pct(added_cpu)} {fmt(delivered, '14,.0f')} {fmt(fcpu, '10.0f')}"
                  f" {fmt(iwi, '7,.0f')}  {drops_text(runs) if mode != 'alone' else ''}".rstrip())



def print_rates(groups):
    rate_keys = [k for k in groups if k.startswith("rate-")]
    if rate_keys:
        print()
        print("(b) selected-event generator: medians over rounds (target 0 = unpaced); gen us/ev: the generator's"
              " CPU per event (user + kernel, the probe's work included); probe ev/s: what the probe wrote"
              " during the generator's run; falco cpu% and us/ev: Falco4J's CPU over that run; IWI/kev:"
              " IRQ work interrupts (the probe's forced reader wake-ups) per 1000 events")
        print(f"{'kind':9s} {'target':>8s} {'mode':6s} {'load1':>5s} {'achieved ev/s':>13s} {'gen us/ev':>9s}"
              f" {'probe ev/s':>10s} {'processed':>10s} {'falco cpu%':>10s} {'falco us/ev':>11s} {'IWI/kev':>7s}"
              f"  drops per round (probe cpu0/cpu1=falco)")
        for key in rate_keys:
            _, kind, target = key.split("-")
            for mode in ("alone", "default"):
                runs = groups[key].get(mode, [])
                if not runs:
                    continue
                achieved = median(r.workload_events / r.wall for r in runs)
                # the generator's CPU (user + kernel, the probe's in-kernel work included) per event
                gen_cost = median(r.cpu / r.workload_events * 1e6 for r in runs if r.workload_events)
                head = (f"{kind:9s} {int(target):8d} {'alone' if mode == 'alone' else 'falco':6s}"
                        f" {median(r.load for r in runs):5.2f} {achieved:13,.0f} {fmt(gen_cost, '9.2f')}")
                if mode == "alone":
                    print(head)
                    continue
                processed = median(r.processed for r in runs)
                falco_cost = median(None if not r.window_events() else r.falco_cpu / r.window_events() * 1e6
                                    for r in runs)
                print(f"{head} {fmt(median(r.delivered_per_s() for r in runs), '10,.0f')}"
                      f" {fmt(processed, '10,.0f')} {median(r.falco_cpu_percent() for r in runs):10.0f}"
                      f" {fmt(falco_cost, '11.2f')}"
                      f" {fmt(median(wakeups_per_kev(r, r.window_events()) for r in runs), '7.1f')}"
                      f"  {drops_text(runs)}")


if __name__ == "__main__":
    main()
