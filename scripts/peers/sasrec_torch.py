"""SASRec in PyTorch, written the way its users write it (fused scaled-dot-product attention,
F.cross_entropy over all items), with vitrina's architecture and settings: item + learned position
embeddings, pre-norm causal self-attention blocks with a point-wise feed-forward layer, tied
output, full-softmax loss over the positions with a target, Adam (0.9, 0.98). Times epochs only.

Usage: sasrec_torch.py SEQUENCE_FILE EPOCHS THREADS [max_len dim blocks batch lr dropout]
Prints one line per epoch: epoch, mean loss, seconds.
"""
import math
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, d, dropout):
        super().__init__()
        self.ln1 = nn.LayerNorm(d, eps=1e-5)
        self.q = nn.Linear(d, d, bias=False)
        self.k = nn.Linear(d, d, bias=False)
        self.v = nn.Linear(d, d, bias=False)
        self.o = nn.Linear(d, d, bias=False)
        self.ln2 = nn.LayerNorm(d, eps=1e-5)
        self.ff = nn.Sequential(nn.Linear(d, d), nn.ReLU(), nn.Linear(d, d))
        self.p = dropout

    def forward(self, x, keep):
        q = self.ln1(x)
        a = F.scaled_dot_product_attention(
            self.q(q).unsqueeze(1), self.k(x).unsqueeze(1), self.v(x).unsqueeze(1),
            dropout_p=self.p if self.training else 0.0, is_causal=True).squeeze(1)
        x = q + F.dropout(self.o(a), self.p, self.training)
        y = self.ln2(x)
        return (y + F.dropout(self.ff(y), self.p, self.training)) * keep


class SasRec(nn.Module):
    def __init__(self, n_items, max_len, d, blocks, dropout):
        super().__init__()
        self.item = nn.Embedding(n_items + 1, d, padding_idx=0)
        self.pos = nn.Embedding(max_len, d)
        self.blocks = nn.ModuleList(Block(d, dropout) for _ in range(blocks))
        self.ln = nn.LayerNorm(d, eps=1e-5)
        self.p = dropout
        self.d = d
        for name, w in self.named_parameters():  # vitrina's initialisation: N(0, 1/d)
            if w.dim() == 2:
                nn.init.normal_(w, std=1 / math.sqrt(d))

    def forward(self, seq):
        keep = (seq > 0).unsqueeze(-1).float()
        x = self.item(seq) * math.sqrt(self.d) + self.pos.weight[-seq.shape[1]:]
        x = F.dropout(x, self.p, self.training) * keep
        for b in self.blocks:
            x = b(x, keep)
        return self.ln(x)


def main():
    path, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    max_len, d, blocks, batch, lr, dropout = (
        [int(x) for x in sys.argv[4:8]] + [float(x) for x in sys.argv[8:10]]
        if len(sys.argv) > 4 else [200, 64, 2, 128, 0.002, 0.2])
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    random.seed(42)
    seqs = [[int(t) for t in line.split()] for line in open(path) if line.strip()]
    ids = {i: k + 1 for k, i in enumerate(sorted({i for s in seqs for i in s}))}
    seqs = [[ids[i] for i in s] for s in seqs if len(s) >= 2]
    model = SasRec(len(ids), max_len, d, blocks, dropout)
    opt = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.98))

    def window(s):
        s = s[-max_len:]
        return [0] * (max_len - len(s)) + s

    for epoch in range(1, epochs + 1):
        model.train()
        order = list(range(len(seqs)))
        random.shuffle(order)
        t0, total, steps = time.perf_counter(), 0.0, 0
        for f in range(0, len(order), batch):
            rows = [seqs[u] for u in order[f:f + batch]]
            x = torch.tensor([window(s[:-1]) for s in rows])
            y = torch.tensor([window(s[1:]) for s in rows])
            h = model(x)
            mask = y > 0
            logits = h[mask] @ model.item.weight.T
            loss = F.cross_entropy(logits, y[mask])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total, steps = total + loss.item(), steps + 1
        print(f"epoch {epoch} loss {total / steps:.4f} seconds {time.perf_counter() - t0:.2f}",
              flush=True)


if __name__ == "__main__":
    main()
