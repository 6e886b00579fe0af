"""The CRNN: a small CNN over a 32-pixel-high line, a BiLSTM along it, CTC over ``thai_digits.ALPHABET``.

>>> # net = LineReader(); net(torch.zeros(2, 1, 32, 400)).shape  -> (2, 100, 29): one frame per 4 px

About 0.25 M parameters (≈1 MB as float32 ONNX). Width is free; the height must be 32.
"""

from __future__ import annotations

import torch
from torch import nn

from pipeline.ocr.digits.reader import ALPHABET, HEIGHT

N_CLASSES = len(ALPHABET) + 1  # + CTC blank (class 0)


def _block(c_in: int, c_out: int, stride: int = 1) -> list[nn.Module]:
    return [nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True)]


class LineReader(nn.Module):
    """(N, 1, 32, W) ink-on-zero image -> (N, W/4, classes) log-probabilities."""

    def __init__(self, width: float = 1.0, hidden: int = 64) -> None:
        super().__init__()
        c = [round(x * width) for x in (24, 48, 64, 96)]
        self.cnn = nn.Sequential(
            *_block(1, c[0], stride=2),  # 16 x W/2: full resolution costs time and adds little
            *_block(c[0], c[1]), nn.MaxPool2d(2),  # 8 x W/4
            *_block(c[1], c[2]), *_block(c[2], c[2]), nn.MaxPool2d((2, 1)),  # 4 x W/4
            *_block(c[2], c[3]), nn.MaxPool2d((2, 1)),  # 2 x W/4
        )
        self.squash = nn.Linear(c[3] * HEIGHT // 16, 2 * hidden)
        self.rnn = nn.LSTM(2 * hidden, hidden, batch_first=True, bidirectional=True)
        self.head = nn.Linear(2 * hidden, N_CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = self.cnn(x)  # N, C, 2, T
        n, c, h, t = f.shape
        f = f.permute(0, 3, 1, 2).reshape(n, t, c * h)
        f, _ = self.rnn(torch.relu(self.squash(f)))
        return torch.log_softmax(self.head(f), dim=-1)
