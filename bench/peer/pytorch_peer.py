#!/usr/bin/env python3
"""The PyTorch peer of `bench training-core`: the seed CNN trained the way AslSweep trains it, in eager PyTorch.

Same model (Conv 75/50/25 3x3 'same' + ReLU, Dropout 0.2 after the second convolution, BatchNorm with Keras's
momentum 0.99 and epsilon 1e-3, 2x2 max pooling in ceil mode, Dense 512 + ReLU, Dropout 0.3, Dense 24), same
optimiser (RMSprop, rho 0.9, epsilon 1e-7, rate 1e-3), same epoch (a seeded shuffle, mini-batches indexed from
tensors in memory, one host sync per batch for the loss and the correct count), same threads. The data are random
images: throughput does not depend on what the pixels show. After every epoch a 1-second torch.mm window measures
the machine (as the C# side does), so both sides can be put against the SGEMM measured beside them.

Prints one JSON object per line: {"torch": ..., "threads": ...} first, then one per epoch.
Usage: pytorch_peer.py --batch 32 --epochs 4 --threads 2 [--images 2400]
"""
import argparse
import json
import time

import torch
import torch.nn as nn


def model() -> nn.Module:
    def bn(c):
        return nn.BatchNorm2d(c, eps=1e-3, momentum=0.01)

    return nn.Sequential(
        nn.Conv2d(1, 75, 3, padding=1), nn.ReLU(), bn(75), nn.MaxPool2d(2, 2, ceil_mode=True),
        nn.Conv2d(75, 50, 3, padding=1), nn.ReLU(), nn.Dropout(0.2), bn(50), nn.MaxPool2d(2, 2, ceil_mode=True),
        nn.Conv2d(50, 25, 3, padding=1), nn.ReLU(), bn(25), nn.MaxPool2d(2, 2, ceil_mode=True),
        nn.Flatten(), nn.Linear(25 * 4 * 4, 512), nn.ReLU(), nn.Dropout(0.3), nn.Linear(512, 24))


def sgemm_gflops(seconds: float = 1.0, side: int = 1024) -> float:
    a = torch.rand(side, side)
    b = torch.rand(side, side)
    torch.mm(a, b)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        torch.mm(a, b)
        count += 1
    return count * 2 * side ** 3 / (time.perf_counter() - start) / 1e9


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--images", type=int, default=2400)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    net = model()
    parameters = sum(p.numel() for p in net.parameters())
    buffers = sum(b.numel() for name, b in net.named_buffers() if not name.endswith("num_batches_tracked"))
    optimizer = torch.optim.RMSprop(net.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    images = torch.rand(args.images, 1, 28, 28)
    labels = torch.randint(0, 24, (args.images,))
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "mkldnn": torch.backends.mkldnn.is_available(), "parameters": parameters + buffers}), flush=True)
    for epoch in range(1, args.epochs + 1):
        net.train()
        order = torch.randperm(args.images)
        start = time.perf_counter()
        for offset in range(0, args.images, args.batch):
            index = order[offset:offset + args.batch]
            x, y = images[index], labels[index]
            optimizer.zero_grad(set_to_none=True)
            logits = net(x)
            loss = nn.functional.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()
            torch.stack([loss.detach(), logits.argmax(1).eq(y).sum().float()]).tolist()
        seconds = time.perf_counter() - start
        print(json.dumps({"epoch": epoch, "images_per_second": args.images / seconds, "sgemm_gflops": sgemm_gflops()}), flush=True)


if __name__ == "__main__":
    main()
