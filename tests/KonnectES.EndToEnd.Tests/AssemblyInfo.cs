// The classes start real processes and measure traffic shares: run them one after the other on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
