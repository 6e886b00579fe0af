"""Train the Thai-digit line reader on synthetic scans and export it to ONNX (CPU, 2 threads).

    .venv/bin/python -m workbench.ocr_model.train --out pipeline/ocr/digits/thai_digits.onnx --steps 3000 --seed 1

One data process renders lines (``synth.sample``) while the trainer runs; a fixed seed gives the
same data. The check set is 300 other synthetic lines; the figure printed is the share of lines whose
digit runs come out exactly (``"x ๒๖ x ๒๕๖๒"`` must give ``๒๖``, ``๒๕๖๒``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info

from pipeline.ocr.digits.reader import ALPHABET, RE_MODEL_RUN, decode
from workbench.ocr_model.model import LineReader
from workbench.ocr_model.synth import sample

CLASS = {c: i + 1 for i, c in enumerate(ALPHABET)}


class Batches(IterableDataset):
    """Endless batches of synthetic lines of similar width, reproducible from ``seed``.

    Lines are drawn ``POOL`` batches at a time and sorted by width, so little of a batch is padding.
    """

    POOL = 4

    def __init__(self, seed: int, batch: int) -> None:
        self.seed, self.batch = seed, batch

    def __iter__(self):
        info = get_worker_info()
        rng = random.Random(self.seed * 1000 + (info.id if info else 0))
        while True:
            pool = sorted((sample(rng) for _ in range(self.POOL * self.batch)), key=lambda s: s[0].shape[1])
            chunks = [pool[i:i + self.batch] for i in range(0, len(pool), self.batch)]
            rng.shuffle(chunks)
            yield from (collate(c) for c in chunks)


def collate(batch: list[tuple[np.ndarray, str]]):
    """Pad to the widest line (a multiple of 32, so few shapes); frames = width // 4; targets concatenated."""
    width = -(-max(a.shape[1] for a, _ in batch) // 32) * 32
    images = np.zeros((len(batch), 1, 32, width), np.float32)
    for i, (a, _) in enumerate(batch):
        images[i, 0, :, : a.shape[1]] = a
    targets = [CLASS[c] for _, label in batch for c in label]
    frames = [a.shape[1] // 4 for a, _ in batch]
    lengths = [len(label) for _, label in batch]
    return torch.from_numpy(images), torch.tensor(targets), torch.tensor(frames), torch.tensor(lengths), [b[1] for b in batch]


def runs(text: str) -> list[str]:
    return RE_MODEL_RUN.findall(text)


def check(net: LineReader, data: list[tuple[np.ndarray, str]]) -> tuple[float, float]:
    """(share of lines read exactly, share with the exact digit runs) on held-out synthetic lines."""
    net.eval()
    exact = digits = 0
    with torch.no_grad():
        for a, label in data:
            got = decode(net(torch.from_numpy(a)[None, None])[0].numpy()).text
            exact += got == label
            digits += runs(got) == runs(label)
    net.train()
    return exact / len(data), digits / len(data)


def export(net: LineReader, out: Path) -> None:
    """ONNX with free batch and width; checked against torch on one input with onnxruntime."""
    import onnxruntime as ort

    net.eval()
    x = torch.rand(1, 1, 32, 300)
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(net, (x,), str(out), input_names=["image"], output_names=["logprobs"], opset_version=17,
                      dynamic_axes={"image": {0: "n", 3: "width"}, "logprobs": {0: "n", 1: "frames"}}, dynamo=False)
    got = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"]).run(None, {"image": x.numpy()})[0]
    diff = float(np.abs(got - net(x).detach().numpy()).max())
    if diff > 1e-3:
        raise RuntimeError(f"ONNX export differs from torch by {diff}")


def train(out: Path, steps: int, seed: int, batch: int = 32, lr: float = 3e-3, threads: int = 2) -> LineReader:
    """Fit the CRNN with CTC for ``steps`` batches (AdamW, one-cycle schedule) and export it."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    net = LineReader()
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.15)
    ctc = torch.nn.CTCLoss(zero_infinity=True)
    held = [sample(random.Random(seed + 7_000_000 + i)) for i in range(300)]
    loader = DataLoader(Batches(seed, batch), batch_size=None, num_workers=1, prefetch_factor=6)
    start, total, last = time.time(), 0.0, 0
    for step, (images, targets, frames, lengths, _) in enumerate(loader, 1):
        loss = ctc(net(images).permute(1, 0, 2), targets, frames, lengths)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        sched.step()
        total += loss.item()
        if step % 500 == 0 or step == steps:
            exact, digits = check(net, held)
            print(f"step {step}  loss {total / (step - last):.3f}  lines exact {exact:.3f}  digit runs exact {digits:.3f}  "
                  f"{time.time() - start:.0f}s", flush=True)
            total, last = 0.0, step
        if step == steps:
            break
    export(net, out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB) in {time.time() - start:.0f}s", flush=True)
    return net


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("pipeline/ocr/digits/thai_digits.onnx"))
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    train(args.out, args.steps, args.seed, args.batch, args.lr, args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
